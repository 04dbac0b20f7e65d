namespace CanIds.Firmware.Config
{
    /// <summary>The firmware's settings (docs/firmware.md lists them with their defaults).</summary>
    public sealed class FirmwareOptions
    {
        /// <summary>CAN bit rate: 125,000, 250,000, 500,000 or 1,000,000 bit/s.</summary>
        public int BitRate = 500000;

        /// <summary>The board (<see cref="CanBoards"/>): it fixes the CAN peripheral's clock and so the bit timing.</summary>
        public string Board = CanBoards.NucleoF746ZG;

        /// <summary>What to signal while frames cannot be judged.</summary>
        public FailMode FailMode = FailMode.Open;

        /// <summary>
        /// Frame records per SPI PUSH at most: half the FPGA's input FIFO (25 records), so that the PUSH in flight and the
        /// next one always fit.
        /// </summary>
        public int MaxBatch = 12;

        /// <summary>Attack records read per transfer at most.</summary>
        public int MaxRecords = 32;

        /// <summary>Bytes per LOAD_DATA when loading weights.</summary>
        public int LoadChunk = 240;

        /// <summary>Frames awaiting verdicts at most: 2^RingBits − 1 (beyond that, frames wait in the CAN driver's buffer).</summary>
        public int RingBits = 8;

        /// <summary>How long an idle main loop sleeps unless the CAN driver signals a frame first, ms.</summary>
        public int IdleWaitMs = 1;

        /// <summary>ALERT lines per second at most (and their burst).</summary>
        public int AlertsPerSecond = 20;

        /// <summary>How long the alert pin stays high after the last attack verdict, ms.</summary>
        public int AlertHoldMs = 500;

        /// <summary>Delay between attempts to reach a silent FPGA, ms.</summary>
        public int RetryMs = 1000;

        /// <summary>
        /// Faults (exceptions caught by the main loop) within one second after which detection backs off: it goes down
        /// as for a silent FPGA and sets the link up again only after <see cref="RetryMs"/> (docs/firmware.md).
        /// </summary>
        public int FaultBurst = 5;

        /// <summary>A HIL session (the only way INJECT is accepted) ends after this long without an INJECT, ms.</summary>
        public int SessionIdleMs = 60000;

        /// <summary>Period of the STATS line, ms.</summary>
        public int StatsEveryMs = 10000;

        /// <summary>Largest weight image stored.</summary>
        public int ImageCapacity = 64 * 1024;

        /// <summary>Class names of the model the FPGA bitstream carries, until an image names them.</summary>
        public string[] DefaultClasses = new string[] { "Benign", "DoS", "Fuzzing", "Gear-spoof", "RPM-spoof" };
    }
}
