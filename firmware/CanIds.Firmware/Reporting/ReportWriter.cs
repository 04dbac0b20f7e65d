using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Reporting
{
    /// <summary>
    /// Writes the report lines of docs/firmware.md to the serial port: ASCII, one event a line, "\r\n"-terminated,
    /// never containing a zero byte, so they interleave with the update protocol's COBS frames on one UART.
    /// </summary>
    public sealed class ReportWriter
    {
        private readonly ISerialPort _port;
        private readonly object _gate;
        private readonly byte[] _line = new byte[512];

        /// <summary>A writer on <paramref name="port"/>; <paramref name="gate"/> serialises with the update service's writes.</summary>
        public ReportWriter(ISerialPort port, object gate)
        {
            _port = port;
            _gate = gate;
        }

        /// <summary>Lines written.</summary>
        public long Lines { get; private set; }

        /// <summary>Lines lost because the serial port threw.</summary>
        public long Failures { get; private set; }

        /// <summary>Writes "<paramref name="kind"/> <paramref name="timeMs"/> <paramref name="text"/>"; never throws.</summary>
        public void Write(string kind, long timeMs, string text)
        {
            lock (_gate)
            {
                int n = 0;
                n = Append(kind, n);
                _line[n++] = (byte)' ';
                n = Append(timeMs.ToString(), n);
                if (text.Length > 0)
                {
                    _line[n++] = (byte)' ';
                    n = Append(text, n);
                }

                _line[n++] = (byte)'\r';
                _line[n++] = (byte)'\n';
                try
                {
                    _port.Write(_line, 0, n);
                    Lines++;
                }
                catch (Exception)
                {
                    Failures++; // a report must never take detection down: the line is lost, and counted
                }
            }
        }

        private int Append(string text, int n)
        {
            for (int i = 0; i < text.Length && n < _line.Length - 2; i++)
            {
                char c = text[i];
                _line[n++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
            }

            return n;
        }
    }
}
