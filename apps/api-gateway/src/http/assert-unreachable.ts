// A `switch` over a union that ends here stops compiling when a new member is not handled.
export const assertUnreachable = (value: never): never => {
  throw new Error(`unhandled value: ${String(value)}`);
};
