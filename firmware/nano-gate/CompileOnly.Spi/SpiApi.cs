// COMPILE-ONLY declarations of nanoFramework.System.Device.Spi 1.3 (the members the firmware calls), so that the
// firmware's hardware adapter type-checks on Linux. Never deployed: the device build references the real package.
using System;

namespace System.Device.Spi
{
    public enum SpiMode { Mode0 = 0, Mode1 = 1, Mode2 = 2, Mode3 = 3 }

    public enum DataFlow { MsbFirst = 0, LsbFirst = 1 }

    public enum SpiBusConfiguration { FullDuplex = 0, HalfDuplex = 1, Simplex = 2 }

    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) { throw new NotSupportedException(); }
        public int BusId { get { throw new NotSupportedException(); } set { } }
        public int ChipSelectLine { get { throw new NotSupportedException(); } set { } }
        public SpiMode Mode { get { throw new NotSupportedException(); } set { } }
        public int DataBitLength { get { throw new NotSupportedException(); } set { } }
        public int ClockFrequency { get { throw new NotSupportedException(); } set { } }
        public DataFlow DataFlow { get { throw new NotSupportedException(); } set { } }
        public SpiBusConfiguration Configuration { get { throw new NotSupportedException(); } set { } }
    }

    public class SpiDevice : IDisposable
    {
        private SpiDevice() { }
        public static SpiDevice Create(SpiConnectionSettings settings) { throw new NotSupportedException(); }
        public SpiConnectionSettings ConnectionSettings { get { throw new NotSupportedException(); } }
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) { throw new NotSupportedException(); }
        public void Write(SpanByte buffer) { throw new NotSupportedException(); }
        public void Read(SpanByte buffer) { throw new NotSupportedException(); }
        public void Dispose() { }
    }
}
