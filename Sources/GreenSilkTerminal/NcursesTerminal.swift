import CNcursesw
import GreenSilkUI
