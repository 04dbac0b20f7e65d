using System;
using System.Collections.Generic;
using static CanIds.Traffic.Generation.Signals;

namespace CanIds.Traffic.Generation
{
    /// <summary>
    /// The benign bus: 28 periodic messages in the style of the Car-Hacking vehicle (a Hyundai YF Sonata: same IDs,
    /// periods of 10 ms to 1 s, ~1,800 frames/s, ~45% load at 500 kbit/s). Payloads carry rolling counters, XOR
    /// checksums, constants and slowly varying signals of one drive (engine speed, gear, wheel speeds, steering...).
    /// </summary>
    internal static class EcuCatalog
    {
        public const uint Rpm = 0x316;
        public const uint Gear = 0x43F;
        public const uint WheelSpeeds = 0x4B0;
        public const uint Steering = 0x2B0;

        public static List<EcuMessage> Create(VehicleModel v, Random random, long startUs)
        {
            var list = new List<EcuMessage>();
            void Add(uint id, int dlc, double ms, PayloadEncoder encoder) => list.Add(new EcuMessage(id, dlc, ms, encoder, v, random, startUs));

            Add(0x018F, 8, 10, (d, s, c) => { d[0] = 0xFE; d[1] = (byte)(s.ThrottlePercent * 2.5); d[3] = (byte)(s.Rpm > 3000 ? 1 : 0); d[5] = 0x3C; d[6] = (byte)(c & 0xF); d[7] = XorChecksum(d, 7); });
            Add(0x0260, 8, 10, (d, s, c) => { d[0] = 0x19; d[1] = 0x21; d[2] = 0x22; d[3] = (byte)(0x30 + s.ThrottlePercent / 4); d[4] = 0x08; d[5] = 0x8E; d[6] = (byte)((c & 0xF) << 4); d[7] = XorChecksum(d, 7); });
            Add(0x02A0, 8, 10, (d, s, c) => { d[0] = 0x64; d[2] = 0x9A; d[3] = (byte)(0x1D + s.BrakeBar); d[4] = 0x97; d[5] = 0x02; d[6] = 0xBD; });
            Add(Rpm, 8, 10, (d, s, c) => { d[0] = 0x05; d[1] = (byte)(0x20 + s.ThrottlePercent / 8); Le16(d, 2, (int)(s.Rpm * 4)); d[4] = 0x21; d[5] = 0x21; d[7] = (byte)(0x6F + (c & 3)); });
            Add(0x0329, 8, 10, (d, s, c) => { d[0] = 0x40; d[1] = (byte)(s.CoolantC + 48); d[2] = 0x7F; d[3] = 0x14; d[4] = 0x11; d[5] = 0x20; d[7] = (byte)(0x14 + (c & 0x3)); });
            Add(0x0545, 8, 10, (d, s, c) => { d[0] = 0xD8; d[3] = (byte)(0x8A + s.ThrottlePercent / 10); });
            Add(Gear, 8, 10, (d, s, c) => { d[0] = (byte)(0x10 | s.Gear); d[1] = 0x45; d[2] = 0x60; d[3] = 0xFF; d[4] = (byte)(0x60 + s.Gear * 2); });
            Add(0x0440, 8, 10, (d, s, c) => { d[0] = 0xFF; d[2] = (byte)s.Gear; d[3] = 0xFF; d[4] = 0x4D; Le16(d, 5, (int)(s.SpeedKmh * 2)); d[7] = (byte)c; });
            Add(WheelSpeeds, 8, 10, (d, s, c) =>
            {
                int v100 = (int)(s.SpeedKmh * 100);
                Le16(d, 0, v100 + (int)(s.SteeringDeg / 10));
                Le16(d, 2, v100 - (int)(s.SteeringDeg / 10));
                Le16(d, 4, v100 + (int)(s.SteeringDeg / 20));
                Le16(d, 6, v100 - (int)(s.SteeringDeg / 20));
            });
            Add(0x04B1, 8, 10, (d, s, c) => { d[0] = (byte)(s.BrakeBar > 0 ? 0x10 : 0); Le16(d, 1, (int)(s.BrakeBar * 10)); d[4] = 0xC0; d[6] = (byte)(c & 0xF); d[7] = XorChecksum(d, 7); });
            Add(Steering, 5, 10, (d, s, c) => { Le16(d, 0, (short)(s.SteeringDeg * 10)); d[2] = (byte)Math.Min(255, Math.Abs(s.SteeringDeg) / 4); d[3] = 0x07; d[4] = (byte)(((c & 0xF) << 4) | (XorChecksum(d, 4) & 0xF)); });
            Add(0x0153, 8, 10, (d, s, c) => { d[0] = 0x20; d[2] = 0x10; d[3] = 0xFF; d[5] = 0xFF; d[6] = (byte)((c & 0xF) << 4); d[7] = XorChecksum(d, 7); });
            Add(0x0164, 4, 10, (d, s, c) => { d[0] = 0x00; d[1] = 0x08; d[2] = (byte)c; d[3] = XorChecksum(d, 3); });
            Add(0x0220, 8, 10, (d, s, c) => { Le16(d, 0, (int)(s.AccelerationMps2 * 100) + 0x8000); Le16(d, 2, (int)(s.SteeringDeg * s.SpeedKmh / 100) + 0x8000); d[4] = 0x7F; d[6] = (byte)(c & 0xF); d[7] = XorChecksum(d, 7); });
            Add(0x0370, 8, 10, (d, s, c) => { d[0] = 0xFF; d[1] = 0x20; d[3] = (byte)(Math.Abs(s.SteeringDeg) / 8); d[6] = (byte)(c & 0xF); });
            Add(0x0350, 8, 20, (d, s, c) => { d[0] = 0x05; d[1] = 0x28; d[2] = 0x84; d[3] = 0x66; d[4] = 0x6D; d[7] = (byte)(0xA2 + (c & 1)); });
            Add(0x01F1, 8, 20, (d, s, c) => { d[1] = (byte)(s.BrakeBar > 0 ? 1 : 0); d[2] = 0x80; });
            Add(0x0165, 8, 20, (d, s, c) => { d[0] = 0x02; d[2] = (byte)(s.SpeedKmh > 5 ? 0x40 : 0); d[6] = (byte)c; });
            Add(0x02C0, 8, 20, (d, s, c) => { d[0] = 0x14; });
            Add(0x0382, 8, 50, (d, s, c) => { d[0] = 0x40; d[5] = (byte)(s.Gear == 1 && s.SpeedKmh < 1 ? 1 : 0); });
            Add(0x04F0, 8, 100, (d, s, c) => { d[0] = 0x00; d[1] = 0x48; d[6] = 0x7F; });
            Add(0x05A0, 8, 100, (d, s, c) => { d[1] = 0xC3; d[2] = 0x80; d[7] = 0x8C; });
            Add(0x05A2, 8, 100, (d, s, c) => { d[0] = 0x00; d[4] = 0x19; });
            Add(0x0690, 8, 100, (d, s, c) => { int odo = 123_456 + c / 36; d[0] = (byte)odo; d[1] = (byte)(odo >> 8); d[2] = (byte)(odo >> 16); d[4] = (byte)(s.CoolantC); });
            Add(0x0080, 4, 100, (d, s, c) => { d[0] = 0x00; d[1] = 0x17; d[2] = 0xEA; d[3] = 0x0A; });
            Add(0x0081, 8, 100, (d, s, c) => { d[0] = 0x7F; d[1] = 0x84; d[2] = 0x60; });
            Add(0x0387, 8, 1000, (d, s, c) => { d[0] = 0x20; d[1] = 0x01; d[2] = (byte)c; });
            Add(0x0510, 6, 1000, (d, s, c) => { d[0] = (byte)(c / 3600 % 24); d[1] = (byte)(c / 60 % 60); d[2] = (byte)(c % 60); d[3] = 0x0B; d[4] = 0x11; d[5] = 0x10; });
            return list;
        }
    }
}
