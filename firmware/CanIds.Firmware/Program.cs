using System.Device.Gpio;
using CanIds.Firmware.Config;
using CanIds.Firmware.Hardware;
using nanoFramework.Device.Can;

namespace CanIds.Firmware
{
    /// <summary>
    /// Device entry point (docs/firmware.md): CAN1 at the configured bit rate, SPI1 to the FPGA, the alert pin, the
    /// report/update UART and the image store on the internal flash; then the main loop. Device build only.
    /// </summary>
    public static class Program
    {
        /// <summary>Pins and buses of the reference board (ST_NUCLEO144_F746ZG); change them for another board.</summary>
        private const int SpiBus = 1;
        private const int SpiChipSelect = 14;          // PA14 → FPGA CS_N
        private const int SpiClockHz = 10000000;
        private const int AlertPin = 16;               // PB0, LD1 on the Nucleo
        private const string SerialName = "COM3";      // USART3 = ST-LINK virtual COM port
        private const int SerialBaud = 921600;
        private const string StorageRoot = "I:\\";

        /// <summary>Builds the firmware and runs it.</summary>
        public static void Main()
        {
            FirmwareOptions options = new FirmwareOptions();
            CanBitTiming timing = CanBitTiming.For(CanBoards.CanClockHz(options.Board), options.BitRate);
            CanController controller = CanController.FromId("CAN1", new CanSettings(timing.PrescalerField, timing.Segment1Field, timing.Segment2Field, timing.JumpField));
            FirmwareApp app = new FirmwareApp(
                new CanControllerBus(controller),
                new SpiDevicePort(SpiBus, SpiChipSelect, SpiClockHz),
                new SerialPortLine(SerialName, SerialBaud),
                new GpioAlertPin(new GpioController(), AlertPin),
                new SystemClock(),
                new FlashFileStorage(StorageRoot),
                options);
            app.Boot();
            while (true)
            {
                // Never sleeps while frames come or verdicts are awaited; idle, it waits for the CAN driver's event.
                if (!app.RunOnce()) app.Idle();
            }
        }
    }
}
