using System;
using System.IO.Ports;
using CanIds.Firmware.Ports;

namespace CanIds.Device
{
    /// <summary>
    /// A serial port of the host (a USB-serial adapter, the board's virtual COM port, or one end of a pseudo-terminal
    /// pair): 8N1, raw bytes. Implements the firmware's <see cref="ISerialPort"/> so the firmware logic can run on the
    /// host against a real serial line.
    /// </summary>
    public sealed class SerialLine : ISerialPort, IDisposable
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="name"/> (e.g. /dev/ttyACM0, COM4, /dev/pts/3) at <paramref name="baudRate"/>.</summary>
        /// <exception cref="DeviceUnavailableException">No such port, or it cannot be opened.</exception>
        public SerialLine(string name, int baudRate = 921600)
        {
            if (baudRate <= 0) throw new ArgumentException($"baud rate {baudRate}: expected a positive rate");
            if (!OperatingSystem.IsWindows() && !System.IO.File.Exists(name)) throw new DeviceUnavailableException($"{name}: no such serial port");
            _port = new SerialPort(name, baudRate, Parity.None, 8, StopBits.One) { ReadTimeout = 1000, WriteTimeout = 2000, Handshake = Handshake.None };
            try
            {
                _port.Open();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or System.IO.IOException or ArgumentException)
            {
                throw new DeviceUnavailableException($"{name}: cannot open the serial port ({e.Message})", e);
            }
        }

        /// <summary>The port's name.</summary>
        public string Name => _port.PortName;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                int waiting = _port.BytesToRead;
                return waiting == 0 ? 0 : _port.Read(buffer, offset, Math.Min(waiting, count));
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        /// <summary>Waits up to 50 ms for at least one byte, then takes what has arrived.</summary>
        public int ReadWait(byte[] buffer, int offset, int count)
        {
            // Polls instead of a blocking read with a timeout: on Unix, a timed-out SerialPort.Read can lose bytes.
            for (int i = 0; i < 50; i++)
            {
                int n = Read(buffer, offset, count);
                if (n > 0) return n;
                System.Threading.Thread.Sleep(1);
            }

            return 0;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count) => _port.Write(buffer, offset, count);

        /// <inheritdoc />
        public void Dispose() => _port.Dispose();
    }
}
