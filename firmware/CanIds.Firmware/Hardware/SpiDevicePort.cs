using System;
using System.Device.Spi;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Hardware
{
    /// <summary>
    /// <see cref="ISpiPort"/> over nanoFramework's SpiDevice. SpanByte is a ref struct: the two views are made on
    /// the stack per transfer, so no heap allocation. Device build only.
    /// </summary>
    public sealed class SpiDevicePort : ISpiPort
    {
        private readonly SpiDevice _device;

        /// <summary>Opens <paramref name="busId"/> with chip select <paramref name="chipSelectPin"/>, Mode 0, MSB first.</summary>
        public SpiDevicePort(int busId, int chipSelectPin, int clockHz)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.DataFlow = DataFlow.MsbFirst;
            settings.ClockFrequency = clockHz;
            settings.Configuration = SpiBusConfiguration.FullDuplex;
            _device = SpiDevice.Create(settings);
        }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            _device.TransferFullDuplex(new SpanByte(write, 0, count), new SpanByte(read, 0, count));
        }
    }
}
