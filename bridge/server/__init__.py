"""Server: the daemon (decode, stamp, publish), the ZeroMQ publisher and topics, the control channel,
the scale-out forwarder and sharding, and the task supervisor.
"""
