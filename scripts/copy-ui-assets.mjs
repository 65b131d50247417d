// Copies the chat page's static files (HTML, CSS) next to its compiled scripts in dist/ui.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/ui', { recursive: true });
cpSync('src/server/ui/public', 'dist/ui', { recursive: true });
