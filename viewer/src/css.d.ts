// esbuild's text loader turns the style sheet into a string (viewer/build.mjs).
declare module "*.css" {
  const text: string;
  export default text;
}
