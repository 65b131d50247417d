import type { Article } from '../../src/corpus/article.js';

/** Three short articles, enough to build a real index in milliseconds. */
export function smallCorpus(): Article[] {
  const make = (id: string, title: string, author: string, body: string): Article => ({ meta: { id, title, author }, body, file: `${id}.md` });
  return [
    make('energy', 'Energy ties', 'Ann Author', 'Russia sells oil and gas to China. The pipeline deals were signed in 2014. Trade tops $200bn a year.\n\nBeijing buys more Russian crude every year.\n'),
    make('history', 'Nixon in China', 'Bob Historian', 'In 1972 Nixon went to Beijing. Kissinger exploited the Sino-Soviet split. The détente changed the Cold War.\n'),
    make('football', 'Cup final', 'Cat Sports', 'The team won the cup after a penalty shootout. Fans celebrated in the streets all night.\n'),
  ];
}
