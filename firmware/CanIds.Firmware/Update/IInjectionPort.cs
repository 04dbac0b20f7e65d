namespace CanIds.Firmware.Update
{
    /// <summary>
    /// HIL injection: frames sent by the host over the serial line enter the detection path as if received on CAN, and
    /// their verdicts go back in the answers, so a log can be replayed through a real device (its real FPGA) without a
    /// CAN interface on the host.
    /// </summary>
    public interface IInjectionPort
    {
        /// <summary>Queues <paramref name="count"/> frames (UpdateProtocol.InjectedFrameLength bytes each) at <paramref name="offset"/>; returns how many were accepted.</summary>
        int Inject(byte[] frames, int offset, int count);

        /// <summary>Copies up to <paramref name="max"/> verdicts (UpdateProtocol.InjectedVerdictLength bytes each: tag, class, latency) received since the last call; returns how many.</summary>
        int TakeVerdicts(byte[] destination, int offset, int max);
    }
}
