import type {Packet} from './packet.js'
import type {PacketSpace} from './space.js'

/**
 * An exact, immutable set of packets: one canonical BDD node in its space. Equal sets are the
 * same node, so `equals` is O(1); the algebra costs the apply cache's usual O(|a|·|b|) bound.
 */
export class PacketSet {
  constructor(
    readonly space: PacketSpace,
    /** The BDD node id; stable for the life of the space. */
    readonly node: number,
  ) {}

  union(other: PacketSet): PacketSet {
    return this.space.wrap(this.space.bdd.or(this.node, this.same(other)))
  }

  intersect(other: PacketSet): PacketSet {
    return this.space.wrap(this.space.bdd.and(this.node, this.same(other)))
  }

  minus(other: PacketSet): PacketSet {
    return this.space.wrap(this.space.bdd.diff(this.node, this.same(other)))
  }

  complement(): PacketSet {
    return this.space.wrap(this.space.bdd.not(this.node))
  }

  isEmpty(): boolean {
    return this.node === this.space.empty.node
  }

  isAll(): boolean {
    return this.node === this.space.all.node
  }

  subsetOf(other: PacketSet): boolean {
    return this.space.bdd.implies(this.node, this.same(other))
  }

  equals(other: PacketSet): boolean {
    return this.node === this.same(other)
  }

  overlaps(other: PacketSet): boolean {
    return !this.space.bdd.implies(this.node, this.space.bdd.not(this.same(other)))
  }

  contains(packet: Packet): boolean {
    return this.space.containsPacket(this.node, packet)
  }

  /** A readable member (IPv4, new, tcp > udp > icmp when present, then lowest values), or undefined when empty. */
  witness(): Packet | undefined {
    return this.space.witnessOf(this.node)
  }

  /** Diagram size in nodes: a cost measure, not a cardinality. */
  get nodeCount(): number {
    return this.space.bdd.size(this.node)
  }

  private same(other: PacketSet): number {
    if (other.space !== this.space) throw new Error('packet sets from different packet spaces cannot be combined')
    return other.node
  }
}
