/** The same keys as a French catalogue, each with any text. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
