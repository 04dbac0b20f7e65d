using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Bench
{
    /// <summary>The ports the benchmark does not exercise: a serial line to nowhere, an alert pin, an empty flash, a clock the workload moves.</summary>
    public sealed class NullPorts : ISerialPort, IAlertPin, IFileStorage, IClock
    {
        /// <summary>Bytes the firmware wrote to the serial line (its report lines).</summary>
        public int Written;

        /// <inheritdoc />
        public long Microseconds { get; set; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            return 0;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            Written += count;
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            return -1;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            return 0;
        }

        /// <inheritdoc />
        public void Write(string name, int position, byte[] data, int offset, int count)
        {
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
        }
    }
}
