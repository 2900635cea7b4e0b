// Loaded once by mocha before any spec: entities need reflect-metadata evaluated first.
import 'reflect-metadata';
