from . import test_access
from . import test_accept
from . import test_contract
from . import test_multi_company
from . import test_run
from . import test_tags
from . import test_tour
from . import test_write_back
