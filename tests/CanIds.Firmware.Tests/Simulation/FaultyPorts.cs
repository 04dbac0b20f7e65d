using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>An SPI port whose driver throws at scheduled transfers: before the transfer, or after it (the FPGA executed the command, its answer is lost).</summary>
    public sealed class FaultySpiPort : ISpiPort
    {
        private readonly ISpiPort _inner;
        private readonly FaultSchedule _before;
        private readonly FaultSchedule _after;

        /// <summary>A port in front of <paramref name="inner"/>.</summary>
        public FaultySpiPort(ISpiPort inner, FaultSchedule before, FaultSchedule after)
        {
            _inner = inner;
            _before = before;
            _after = after;
        }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            _before.Maybe("spi (before the transfer)");
            _inner.TransferFullDuplex(write, read, count);
            _after.Maybe("spi (after the transfer)");
        }
    }

    /// <summary>A CAN driver that throws at scheduled reads, leaving the frame in its buffer.</summary>
    public sealed class FaultyCanBus : ICanBus
    {
        private readonly ICanBus _inner;
        private readonly FaultSchedule _faults;

        /// <summary>A driver in front of <paramref name="inner"/>.</summary>
        public FaultyCanBus(ICanBus inner, FaultSchedule faults)
        {
            _inner = inner;
            _faults = faults;
        }

        /// <inheritdoc />
        public int Events
        {
            get { return _inner.Events; }
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            _faults.Maybe("can");
            return _inner.TryRead(records, offset);
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
            _inner.WaitForFrames(timeoutMs);
        }
    }

    /// <summary>A flash whose writes throw at scheduled calls, before anything is written.</summary>
    public sealed class FaultyStorage : IFileStorage
    {
        private readonly IFileStorage _inner;
        private readonly FaultSchedule _faults;

        /// <summary>A flash in front of <paramref name="inner"/>.</summary>
        public FaultyStorage(IFileStorage inner, FaultSchedule faults)
        {
            _inner = inner;
            _faults = faults;
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            return _inner.Length(name);
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            return _inner.Read(name, position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(string name, int position, byte[] data, int offset, int count)
        {
            _faults.Maybe("flash");
            _inner.Write(name, position, data, offset, count);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            _inner.Delete(name);
        }
    }
}
