namespace CanIds.Firmware.Config
{
    /// <summary>What the firmware signals while it cannot judge frames (FPGA not answering).</summary>
    public enum FailMode
    {
        /// <summary>Report the outage; the alert pin stays as it is (traffic is not flagged).</summary>
        Open = 0,

        /// <summary>Report the outage and hold the alert pin high until detection works again.</summary>
        Closed = 1,
    }
}
