namespace CanIds.Firmware.Ports
{
    /// <summary>
    /// The serial line to the host (UART): report lines go out on it and weight updates come in. The device implements
    /// it over nanoFramework's SerialPort (Hardware/SerialPortAdapter); tests over a pseudo-terminal or in memory.
    /// </summary>
    public interface ISerialPort
    {
        /// <summary>Reads what has arrived, up to <paramref name="count"/> bytes; 0 when nothing is waiting (never blocks long).</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
