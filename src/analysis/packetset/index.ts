export {DEFAULT_ORDER, type FieldName} from './layout.js'
export {HeaderValueError, ICMP_PROTOCOLS, type Packet, type PacketState, PORT_PROTOCOLS} from './packet.js'
export {PacketSet} from './packet-set.js'
export {type IcmpMatch, PacketSpace, type PacketSpaceOptions, type Side, sharedPacketSpace} from './space.js'
