namespace CanIds.Firmware.Link
{
    /// <summary>Receives the FPGA's verdicts, in the order the windows were pushed.</summary>
    public interface IVerdictSink
    {
        /// <summary>The window tagged <paramref name="tag"/> is of class <paramref name="cls"/>, judged by weight bank <paramref name="bank"/>.</summary>
        void OnVerdict(int tag, int cls, int bank);

        /// <summary>Windows from <paramref name="firstTag"/> on (<paramref name="count"/> of them) will never get a verdict (the FPGA restarted or lost them).</summary>
        void OnLost(int firstTag, int count);
    }
}
