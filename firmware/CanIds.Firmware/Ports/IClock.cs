namespace CanIds.Firmware.Ports
{
    /// <summary>Monotonic time since boot. The device reads its system clock; simulations advance a virtual one.</summary>
    public interface IClock
    {
        /// <summary>Microseconds since boot.</summary>
        long Microseconds { get; }
    }
}
