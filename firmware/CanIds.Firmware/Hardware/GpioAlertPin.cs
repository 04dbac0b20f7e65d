using System.Device.Gpio;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Hardware
{
    /// <summary><see cref="IAlertPin"/> over a GPIO output. Device build only.</summary>
    public sealed class GpioAlertPin : IAlertPin
    {
        private readonly GpioPin _pin;

        /// <summary>Drives GPIO <paramref name="pinNumber"/> (nanoFramework numbering: port × 16 + pin, e.g. PB0 = 16).</summary>
        public GpioAlertPin(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
