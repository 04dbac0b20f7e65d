using System;
using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// A CAN driver for the benchmark: frames of <see cref="BenchTraffic"/> become available <see cref="Release"/> at a
    /// time, and <see cref="TryRead"/> takes them exactly as the device adapter (Hardware/CanControllerBus) does with
    /// nanoFramework's driver, a new message object and data array per frame included, so the measured work is the
    /// device's own.
    /// </summary>
    public sealed class DriverBus : ICanBus
    {
        private readonly BenchTraffic _traffic;
        private int _available;
        private int _next;

        /// <summary>A driver delivering <paramref name="traffic"/>, cyclically.</summary>
        public DriverBus(BenchTraffic traffic)
        {
            _traffic = traffic;
        }

        /// <summary>Frames taken so far.</summary>
        public int Delivered;

        /// <inheritdoc />
        public int Events
        {
            get { return Delivered; }
        }

        /// <summary>Makes <paramref name="frames"/> more frames wait in the driver.</summary>
        public void Release(int frames)
        {
            _available += frames;
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            DriverMessage message = GetMessage();
            if (message == null) return FrameId.None;
            uint id = message.Id;
            bool extended = message.Extended;
            bool remote = message.Remote;
            InputFormat.WriteRecord(id, extended, remote, message.Message, records, offset);
            return extended || remote ? FrameId.Of(id, extended, remote) : (int)id;
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
        }

        // What nanoFramework's CanController.GetMessage() does: a new message per frame, null when none waits.
        private DriverMessage GetMessage()
        {
            if (_available == 0) return null;
            _available--;
            Delivered++;
            int i = _next;
            _next = _next + 1 == _traffic.Count ? 0 : _next + 1;
            byte[] data = new byte[CanFrame.MaxDataLength];
            Array.Copy(_traffic.Data, i * CanFrame.MaxDataLength, data, 0, CanFrame.MaxDataLength);
            return new DriverMessage(_traffic.Ids[i], false, false, data);
        }
    }

    /// <summary>The shape of nanoFramework's CanMessage: properties read through getters, as on the device.</summary>
    public sealed class DriverMessage
    {
        private readonly uint _id;
        private readonly bool _extended;
        private readonly bool _remote;
        private readonly byte[] _message;

        /// <summary>A received frame.</summary>
        public DriverMessage(uint id, bool extended, bool remote, byte[] message)
        {
            _id = id;
            _extended = extended;
            _remote = remote;
            _message = message;
        }

        /// <summary>Identifier.</summary>
        public uint Id
        {
            get { return _id; }
        }

        /// <summary>29-bit identifier.</summary>
        public bool Extended
        {
            get { return _extended; }
        }

        /// <summary>Remote request.</summary>
        public bool Remote
        {
            get { return _remote; }
        }

        /// <summary>Always 8 bytes.</summary>
        public byte[] Message
        {
            get { return _message; }
        }
    }
}
