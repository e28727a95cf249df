namespace Stretching.Web.Figures;

/// <summary>How tall a figure is drawn: small beside a timeline row, on a card, large on its own page, in the home page's picture.</summary>
public enum FigureSize { Small, Card, Large, Hero }
