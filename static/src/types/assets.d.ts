// Stylesheets are side-effect imports handled by Vite (and stubbed in jest); the
// css-reset package ships only CSS and no type declarations.
declare module '*.css';
declare module '@atlaskit/css-reset';
