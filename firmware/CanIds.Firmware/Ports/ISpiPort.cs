namespace CanIds.Firmware.Ports
{
    /// <summary>
    /// The SPI bus to the FPGA (MCU is master, Mode 0, full duplex). The device implements it over
    /// nanoFramework's SpiDevice (Hardware/SpiDevicePort); tests wire it to a simulated or Verilated FPGA.
    /// </summary>
    public interface ISpiPort
    {
        /// <summary>
        /// Clocks <paramref name="count"/> bytes out of <paramref name="write"/> while clocking as many into
        /// <paramref name="read"/>, both from index 0, in one chip-select assertion.
        /// </summary>
        void TransferFullDuplex(byte[] write, byte[] read, int count);
    }
}
