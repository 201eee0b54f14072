export * from './collection';
