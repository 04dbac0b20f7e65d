using System.Threading;
using CanIds.Core;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Hardware;
using nanoFramework.Device.Can;

namespace CanIds.Firmware
{
    /// <summary>Device entry point: wires the hardware adapters to the detection path. Device build only.</summary>
    public static class Program
    {
        /// <summary>Starts the receive path on CAN1 and parks the main thread.</summary>
        public static void Main()
        {
            // BRP/TS1/TS2/SJW of the official nanoFramework CAN sample (its board's APB1 clock); see docs/firmware.md.
            CanController controller = CanController.FromId("CAN1", new CanSettings(6, 8, 1, 0));
            TrafficCounters counters = new TrafficCounters();
            FrameReceiver receiver = new FrameReceiver(
                new CanControllerBus(controller),
                new FrameWindow(InputFormat.DefaultWindowFrames),
                counters);
            receiver.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
