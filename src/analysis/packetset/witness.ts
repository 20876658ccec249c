import {type Bdd, FALSE, TRUE} from './bdd.js'

/**
 * The lexicographically least satisfying assignment of a non-empty node: take the 0 branch
 * whenever it leads somewhere. In a reduced diagram every node but FALSE reaches TRUE, so the
 * walk never backtracks. Variables the path skips are free and stay 0, and since fields are
 * laid out most significant bit first this gives the lowest value of each field in turn.
 */
export function minimalAssignment(bdd: Bdd, node: number): Uint8Array {
  const bits = new Uint8Array(bdd.varCount)
  let n = node
  while (n > TRUE) {
    const low = bdd.low(n)
    if (low !== FALSE) {
      n = low
    } else {
      bits[bdd.variable(n)] = 1
      n = bdd.high(n)
    }
  }
  return bits
}
