export * from './note';
export * from './text';
export * from './selectors';
export * from './page-key';
export * from './result';
export * from './web-url';
export * from './time-zone';
