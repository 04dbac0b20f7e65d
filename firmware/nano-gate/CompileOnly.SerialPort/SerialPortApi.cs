// COMPILE-ONLY declarations of nanoFramework.System.IO.Ports (the members the firmware calls), so that the firmware's
// UART adapter type-checks on Linux. Never deployed: the device build references the real package.
using System;

namespace System.IO.Ports
{
    public class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate) { throw new NotSupportedException(); }
        public int ReadTimeout { get { throw new NotSupportedException(); } set { } }
        public int BytesToRead { get { throw new NotSupportedException(); } }
        public void Open() { throw new NotSupportedException(); }
        public int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public void Dispose() { }
    }
}
