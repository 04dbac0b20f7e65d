namespace CanIds.Firmware.Link
{
    /// <summary>
    /// Receives the FPGA's verdicts in frame order: runs of benign frames as counts, attacks one by one. Every frame the
    /// link took gets exactly one of the three calls.
    /// </summary>
    public interface IVerdictSink
    {
        /// <summary>The <paramref name="count"/> frames from tag <paramref name="firstTag"/> on are benign.</summary>
        void OnBenign(int firstTag, int count);

        /// <summary>The frame tagged <paramref name="tag"/> is of class <paramref name="cls"/> (not benign), judged by weight bank <paramref name="bank"/>.</summary>
        void OnAttack(int tag, int cls, int bank);

        /// <summary>The <paramref name="count"/> frames from <paramref name="firstTag"/> on will never get a verdict (the FPGA restarted or the link was re-established).</summary>
        void OnLost(int firstTag, int count);
    }
}
