namespace CanIds.Firmware.Ports
{
    /// <summary>The alert output (a GPIO pin): high while an attack is being seen, or while detection is down in fail-closed mode.</summary>
    public interface IAlertPin
    {
        /// <summary>Drives the pin.</summary>
        void Write(bool high);
    }
}
