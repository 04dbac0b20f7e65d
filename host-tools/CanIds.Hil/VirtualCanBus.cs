using System.Collections.Generic;
using CanIds.Core;
using CanIds.Firmware.Ports;
using CanIds.Traffic;

namespace CanIds.Hil
{
    /// <summary>The CAN controller as the firmware sees it, fed by the rig: frames arrive and the driver event fires.</summary>
    public sealed class VirtualCanBus : ICanBus
    {
        private readonly Queue<CanRecord> _waiting = new();

        /// <inheritdoc />
        public event FramesArrivedHandler? FramesArrived;

        /// <summary>Frames received and not yet taken by the firmware.</summary>
        public int Waiting => _waiting.Count;

        /// <summary>A frame arrives: queued in the "driver", then the receive event fires (as the bxCAN interrupt does).</summary>
        public void Arrive(in CanRecord record)
        {
            _waiting.Enqueue(record);
            FramesArrived?.Invoke(this);
        }

        /// <inheritdoc />
        public bool TryReceive(CanFrame frame)
        {
            if (_waiting.Count == 0) return false;
            _waiting.Dequeue().CopyTo(frame);
            return true;
        }
    }
}
