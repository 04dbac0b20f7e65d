using System.IO.Ports;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Hardware
{
    /// <summary><see cref="ISerialPort"/> over nanoFramework's SerialPort (a UART, e.g. the ST-LINK virtual COM port). Device build only.</summary>
    public sealed class SerialPortLine : ISerialPort
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="name"/> (e.g. "COM2") at <paramref name="baudRate"/>, 8N1.</summary>
        public SerialPortLine(string name, int baudRate)
        {
            _port = new SerialPort(name, baudRate);
            _port.ReadTimeout = 0;
            _port.Open();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            if (waiting == 0) return 0;
            return _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
