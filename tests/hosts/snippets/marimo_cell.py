import marimo as mo

from lossplay_widget import LossPlayground  # the class above, saved as lossplay_widget.py

widget = mo.ui.anywidget(LossPlayground(z=-4.0))
widget
