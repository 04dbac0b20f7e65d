using CanIds.Core;
using CanIds.Firmware.Ports;
using nanoFramework.Device.Can;

namespace CanIds.Firmware.Hardware
{
    /// <summary>
    /// <see cref="ICanBus"/> over nanoFramework's bxCAN driver. The driver allocates one CanMessage per frame in
    /// GetMessage(); nothing here adds to that. Device build only.
    /// </summary>
    public sealed class CanControllerBus : ICanBus
    {
        private readonly CanController _controller;

        /// <summary>Wraps an opened controller (e.g. CanController.FromId("CAN1", settings)).</summary>
        public CanControllerBus(CanController controller)
        {
            _controller = controller;
            _controller.MessageReceived += OnMessageReceived;
        }

        /// <inheritdoc />
        public event FramesArrivedHandler FramesArrived;

        /// <inheritdoc />
        public bool TryReceive(CanFrame frame)
        {
            CanMessage message = _controller.GetMessage();
            if (message == null)
            {
                return false;
            }

            // The driver always hands over 8 bytes and no DLC: the input format is defined over 8 bytes.
            frame.Set(
                message.Id,
                message.IdentifierType == CanMessageIdType.EID,
                message.FrameType == CanMessageFrameType.RemoteRequest,
                message.Message,
                0,
                CanFrame.MaxDataLength);
            return true;
        }

        private void OnMessageReceived(object sender, CanMessageReceivedEventArgs e)
        {
            FramesArrivedHandler handler = FramesArrived;
            if (handler != null)
            {
                handler(this);
            }
        }
    }
}
