using CanIds.Core;

namespace CanIds.Firmware.Detection
{
    /// <summary>Counts what the bus carries, by frame kind; the device's first sink until the FPGA link takes over.</summary>
    public sealed class TrafficCounters : IWindowSink
    {
        private long _standard;
        private long _extended;
        private long _remote;

        /// <summary>Standard (11-bit) data frames.</summary>
        public long Standard
        {
            get { return _standard; }
        }

        /// <summary>Extended (29-bit) data frames.</summary>
        public long Extended
        {
            get { return _extended; }
        }

        /// <summary>Remote frames of either identifier format.</summary>
        public long Remote
        {
            get { return _remote; }
        }

        /// <inheritdoc />
        public void OnWindow(CanFrame newest, byte[] input)
        {
            if (newest.IsRemote)
            {
                _remote++;
            }
            else if (newest.IsExtended)
            {
                _extended++;
            }
            else
            {
                _standard++;
            }
        }
    }
}
