using System;

namespace CanIds.Firmware.Config
{
    /// <summary>
    /// The boards the firmware supports and the clock their nanoFramework target gives the CAN peripheral (APB1): the
    /// bit timing is computed from it, so a wrong figure puts the controller on the wrong bit rate. From each target's
    /// ChibiOS mcuconf.h (docs/firmware.md lists them with their timings).
    /// </summary>
    public static class CanBoards
    {
        /// <summary>ST NUCLEO-F746ZG: 8 MHz HSE, PLL 216 MHz, APB1 ÷ 4 = 54 MHz (the reference board).</summary>
        public const string NucleoF746ZG = "ST_NUCLEO144_F746ZG";

        /// <summary>ST 32F429IDISCOVERY: 8 MHz HSE, PLL 168 MHz, APB1 ÷ 8 = 21 MHz.</summary>
        public const string DiscoveryF429ZI = "ST_STM32F429I_DISCOVERY";

        /// <summary>Every supported board.</summary>
        public static readonly string[] All = new string[] { NucleoF746ZG, DiscoveryF429ZI };

        /// <summary>The CAN peripheral clock of <paramref name="board"/>, Hz.</summary>
        /// <exception cref="ArgumentException">Not a supported board.</exception>
        public static int CanClockHz(string board)
        {
            if (board == NucleoF746ZG) return 54000000;
            if (board == DiscoveryF429ZI) return 21000000;
            throw new ArgumentException("unknown board " + board + "; supported: " + NucleoF746ZG + ", " + DiscoveryF429ZI);
        }
    }
}
