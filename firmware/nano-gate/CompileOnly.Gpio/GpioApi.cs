// COMPILE-ONLY declarations of nanoFramework.System.Device.Gpio (the members the firmware calls), so that the
// firmware's alert-pin adapter type-checks on Linux. Never deployed: the device build references the real package.
using System;

namespace System.Device.Gpio
{
    public enum PinMode { Input = 0, InputPullDown = 1, InputPullUp = 2, Output = 3 }

    public struct PinValue
    {
        public static PinValue Low { get { throw new NotSupportedException(); } }
        public static PinValue High { get { throw new NotSupportedException(); } }
    }

    public class GpioPin : IDisposable
    {
        private GpioPin() { }
        public void Write(PinValue value) { throw new NotSupportedException(); }
        public void Dispose() { }
    }

    public class GpioController : IDisposable
    {
        public GpioController() { throw new NotSupportedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotSupportedException(); }
        public void Dispose() { }
    }
}
