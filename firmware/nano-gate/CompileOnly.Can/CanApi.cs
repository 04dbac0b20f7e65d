// COMPILE-ONLY declarations of nanoFramework.Device.Can 1.3 (the members the firmware calls), so that the firmware's
// hardware adapter type-checks on Linux. Never deployed: the device build references the real package.
using System;

namespace nanoFramework.Device.Can
{
    public enum CanMessageIdType { SID = 0, EID = 1 }

    public enum CanMessageFrameType { Data = 0, RemoteRequest = 1 }

    public class CanMessage
    {
        public CanMessage(uint id, CanMessageIdType identifierType, CanMessageFrameType frameType, byte[] message) { throw new NotSupportedException(); }
        public uint Id { get { throw new NotSupportedException(); } set { } }
        public CanMessageIdType IdentifierType { get { throw new NotSupportedException(); } set { } }
        public CanMessageFrameType FrameType { get { throw new NotSupportedException(); } set { } }
        public byte[] Message { get { throw new NotSupportedException(); } set { } }
    }

    public sealed class CanSettings
    {
        public CanSettings(byte baudRatePrescaler, byte phaseSegment1, byte phaseSegment2, byte syncJumpWidth) { throw new NotSupportedException(); }
    }

    public class CanMessageReceivedEventArgs : EventArgs
    {
    }

    public delegate void CanMessageReceivedEventHandler(object sender, CanMessageReceivedEventArgs e);

    public sealed class CanController : IDisposable
    {
        private CanController() { }
        public static CanController FromId(string controllerId, CanSettings settings) { throw new NotSupportedException(); }
        public event CanMessageReceivedEventHandler MessageReceived { add { } remove { } }
        public CanMessage GetMessage() { throw new NotSupportedException(); }
        public void WriteMessage(CanMessage message) { throw new NotSupportedException(); }
        public void Dispose() { }
    }
}
