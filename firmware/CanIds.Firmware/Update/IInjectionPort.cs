namespace CanIds.Firmware.Update
{
    /// <summary>
    /// HIL injection: frames sent by the host over the serial line enter the detection path as if received on CAN, and
    /// their verdicts go back in the answers, so a log can be replayed through a real device (its real FPGA) without a
    /// CAN interface on the host. Only inside a HIL session opened by the device key's holder (Core.Update.HilSession).
    /// </summary>
    public interface IInjectionPort
    {
        /// <summary>Writes a fresh nonce (HilSession.NonceLength bytes) at <paramref name="offset"/>; false when no device key is provisioned.</summary>
        bool Challenge(byte[] destination, int offset);

        /// <summary>Opens the HIL session when <paramref name="proof"/> answers the last challenge under the device key; the challenge is used up either way.</summary>
        bool OpenSession(byte[] proof, int offset);

        /// <summary>
        /// Queues <paramref name="count"/> frames (UpdateProtocol.InjectedFrameLength bytes each) at <paramref name="offset"/>;
        /// returns how many were accepted, or −1 outside a HIL session.
        /// </summary>
        int Inject(byte[] frames, int offset, int count);

        /// <summary>Copies up to <paramref name="max"/> verdicts (UpdateProtocol.InjectedVerdictLength bytes each: tag, class, latency) received since the last call; returns how many.</summary>
        int TakeVerdicts(byte[] destination, int offset, int max);
    }
}
