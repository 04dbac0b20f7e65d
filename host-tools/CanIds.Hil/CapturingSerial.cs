using System;
using System.Collections.Generic;
using CanIds.Device;
using CanIds.Firmware.Ports;

namespace CanIds.Hil
{
    /// <summary>A serial port that keeps what the firmware reports (its lines) and sends it nothing.</summary>
    public sealed class CapturingSerial : ISerialPort
    {
        private readonly LineDemultiplexer _demux = new();

        /// <summary>Report lines written by the firmware.</summary>
        public List<string> Lines { get; } = new();

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count) => 0;

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _demux.Push(buffer.AsSpan(offset, count));
            while (_demux.Lines.Count > 0) Lines.Add(_demux.Lines.Dequeue());
        }
    }

    /// <summary>The alert pin as a recorder of its level and of when it changed.</summary>
    public sealed class AlertRecorder : IAlertPin
    {
        /// <summary>Current level.</summary>
        public bool High { get; private set; }

        /// <summary>Rising edges.</summary>
        public int Raised { get; private set; }

        /// <inheritdoc />
        public void Write(bool high)
        {
            if (high && !High) Raised++;
            High = high;
        }
    }
}
