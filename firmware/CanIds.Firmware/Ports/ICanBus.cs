using CanIds.Core;

namespace CanIds.Firmware.Ports
{
    /// <summary>Signals that received frames wait in the driver's buffer.</summary>
    public delegate void FramesArrivedHandler(object sender);

    /// <summary>
    /// The CAN controller as the detection path needs it. The device implements it over nanoFramework's
    /// CanController (Hardware/CanControllerBus); tests over a simulated bus.
    /// </summary>
    public interface ICanBus
    {
        /// <summary>Raised on the driver's thread when frames arrived; the handler drains <see cref="TryReceive"/>.</summary>
        event FramesArrivedHandler FramesArrived;

        /// <summary>Moves the next received frame into <paramref name="frame"/>; false when none is waiting.</summary>
        bool TryReceive(CanFrame frame);
    }
}
