using System.Threading;
using CanIds.Core;
using CanIds.Firmware.Ports;
using nanoFramework.Device.Can;

namespace CanIds.Firmware.Hardware
{
    /// <summary>
    /// <see cref="ICanBus"/> over nanoFramework's bxCAN driver: frames are polled with GetMessage(), which allocates one
    /// CanMessage per frame (the driver's own cost; nothing here adds to it). The receive event, raised once per frame
    /// by the driver, only wakes an idle loop. Device build only.
    /// </summary>
    public sealed class CanControllerBus : ICanBus
    {
        private readonly CanController _controller;
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);
        private int _events;

        /// <summary>Wraps an opened controller (e.g. CanController.FromId("CAN1", settings)).</summary>
        public CanControllerBus(CanController controller)
        {
            _controller = controller;
            _controller.MessageReceived += OnMessageReceived;
        }

        /// <inheritdoc />
        public int Events
        {
            get { return _events; }
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            CanMessage message = _controller.GetMessage();
            if (message == null) return FrameId.None;

            // The driver always hands over 8 bytes and no DLC: the input format is defined over 8 bytes.
            uint id = message.Id;
            bool extended = message.IdentifierType == CanMessageIdType.EID;
            bool remote = message.FrameType == CanMessageFrameType.RemoteRequest;
            InputFormat.WriteRecord(id, extended, remote, message.Message, records, offset);
            return extended || remote ? FrameId.Of(id, extended, remote) : (int)id;
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
            _arrived.WaitOne(timeoutMs, false);
        }

        private void OnMessageReceived(object sender, CanMessageReceivedEventArgs e)
        {
            Interlocked.Increment(ref _events);
            _arrived.Set();
        }
    }
}
