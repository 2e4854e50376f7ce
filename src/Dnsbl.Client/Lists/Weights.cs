namespace Dnsbl.Client.Lists;

/// <summary>
/// Score arithmetic. Weights are doubles (postscreen and SpamAssassin write 0.5, 1.5); sums are rounded to nine
/// decimal places so that 0.1 + 0.2 is exactly the double nearest 0.3 and thresholds compare the way people read them.
/// </summary>
internal static class Weights
{
    /// <summary>Decimal places a sum keeps; far below any meaningful weight and far above double's noise.</summary>
    public const int Precision = 9;

    public static double Add(double sum, double weight) => Math.Round(sum + weight, Precision, MidpointRounding.AwayFromZero);
}
