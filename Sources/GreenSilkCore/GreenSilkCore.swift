// The model, its rules and the file store. See ARCHITECTURE.md.
public enum GreenSilkCore {}
