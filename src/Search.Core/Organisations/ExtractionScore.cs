using System.Globalization;

namespace Search.Core.Organisations;

/// <summary>Counts of a precision/recall measurement and the figures derived from them.</summary>
public sealed record ExtractionScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "P={0:F3} R={1:F3} F1={2:F3} (tp={3}, fp={4}, fn={5})", Precision, Recall, F1, TruePositives, FalsePositives, FalseNegatives);
}
