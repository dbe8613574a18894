// autocannon ships no types (and @types/autocannon is not installed): the bench uses it untyped.
declare module "autocannon";
